//go:build !race

package sessions

const raceDetector = false
