package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// MaxReportSize is the largest report the program reads: a year of
// conversations is a few hundred kilobytes; anything this large is not a
// report (or not one a person can read), and reading it would only fill
// the memory.
const MaxReportSize = 20 << 20

// Why a file is not read as a report. They come wrapped in an *IOError
// that names the file.
var (
	// ErrIsFolder: the path is a folder.
	ErrIsFolder = errors.New("dit is een map, geen verslag")
	// ErrNotRegular: the path is a device, a pipe or a socket, which
	// could block the program or never end.
	ErrNotRegular = errors.New("dit is geen gewoon bestand (maar een apparaat, pipe of socket)")
	// ErrTooLarge: the file is larger than MaxReportSize.
	ErrTooLarge = errors.New("te groot voor een verslag")
)

// sizeError says how large a refused file is.
type sizeError struct{ size int64 }

func (e *sizeError) Error() string {
	return fmt.Sprintf("%s (%s; een verslag is hoogstens %s)", ErrTooLarge, megabytes(e.size), megabytes(MaxReportSize))
}
func (e *sizeError) Unwrap() error { return ErrTooLarge }

// megabytes writes a size the Dutch way: "20 MB", "25,3 MB".
func megabytes(n int64) string {
	tenths := (n*10 + 1<<19) >> 20
	if tenths%10 == 0 {
		return fmt.Sprintf("%d MB", tenths/10)
	}
	return fmt.Sprintf("%d,%d MB", tenths/10, tenths%10)
}

// readReport reads the report at path: only a regular file, and only up to
// MaxReportSize. It opens without waiting (a pipe with no writer would
// block an ordinary open) and checks the opened file itself, so what is
// checked is what is read. It returns the file's information too.
func readReport(path string) ([]byte, fs.FileInfo, error) {
	return readRegular(path, 0, MaxReportSize, "kan "+path+" niet lezen")
}

// readRegular reads path as readReport does, with extra open flags and a
// limit; failures are an *IOError with msg.
func readRegular(path string, flags int, limit int64, msg string) ([]byte, fs.FileInfo, error) {
	fail := func(err error) ([]byte, fs.FileInfo, error) {
		return nil, nil, &IOError{Msg: msg, Err: err}
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNonBlock|flags, 0)
	if err != nil {
		return fail(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fail(err)
	}
	switch {
	case info.IsDir():
		return fail(ErrIsFolder)
	case !info.Mode().IsRegular():
		return fail(ErrNotRegular)
	case info.Size() > limit:
		return fail(&sizeError{info.Size()})
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return fail(err)
	}
	if int64(len(data)) > limit { // it grew while being read
		return fail(&sizeError{int64(len(data))})
	}
	return data, info, nil
}
