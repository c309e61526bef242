// Command gespreksmap leads a partnership through the Gespreksmap on Zorg in
// Onderwijstijd and keeps each conversation as a markdown report.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
