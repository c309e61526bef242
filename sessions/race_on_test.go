//go:build race

package sessions

// raceDetector: the race detector slows everything down several times.
const raceDetector = true
