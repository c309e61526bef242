//go:build gespreksmaptest

package main

import "os"

// The tests build the program with the tag gespreksmaptest to make it
// fail on purpose: GESPREKSMAP_TEST_PANIC names a key (as Bubble Tea
// writes it, e.g. "ctrl+t") that makes the interface panic inside Update,
// so that the crash path is tried on the real binary; "cmd:" before the key
// makes a command the key starts panic instead, on its own goroutine.
// Builds without the tag have no such key.
func init() { testPanicKey = os.Getenv("GESPREKSMAP_TEST_PANIC") }
