package accessible

import (
	"bufio"
	"io"
	"strings"
)

// readLine reads one line without its line ending. A last line without a
// newline still counts; after it comes io.EOF.
func (r *runner) readLine() (string, error) {
	if r.eof {
		return "", io.EOF
	}
	var l line
	select {
	case l = <-r.lines.next():
		r.lines.waiting = false
		if l.panicked != nil {
			panic(l.panicked) // on the conversation's goroutine, where Run rescues it
		}
	case <-r.cfg.Stop:
		r.eof = true
		return "", ErrStopped
	}
	if l.err != nil {
		r.eof = true
		if l.text == "" {
			return "", io.EOF
		}
	}
	r.tick()
	text := strings.TrimSuffix(l.text, "\n")
	text = strings.TrimSuffix(text, "\r")
	return text, nil
}

// line is one line read, or the error that ended the input, or a failure
// of the reading itself (panicked), passed on to the prompt that waits.
type line struct {
	text     string
	err      error
	panicked any
}

// lineReader reads the input on its own goroutine, so that a prompt
// waiting for a line can still be ended by Config.Stop. It reads a line
// only when a prompt asks for one: what the person typed before is on
// disk before the next line is read.
type lineReader struct {
	ask     chan struct{}
	out     chan line
	waiting bool // a line was asked for and has not come yet
}

func newLineReader(in *bufio.Reader) *lineReader {
	lr := &lineReader{ask: make(chan struct{}), out: make(chan line)}
	go func() {
		defer func() {
			if v := recover(); v != nil {
				lr.out <- line{panicked: v}
			}
		}()
		for range lr.ask {
			text, err := in.ReadString('\n')
			lr.out <- line{text: text, err: err}
			if err != nil {
				return
			}
		}
	}()
	return lr
}

// next asks for a line (unless one is on its way) and returns where it
// comes.
func (lr *lineReader) next() <-chan line {
	if !lr.waiting {
		lr.ask <- struct{}{}
		lr.waiting = true
	}
	return lr.out
}
