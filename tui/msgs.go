package tui

import (
	"gespreksmap/content"
	"gespreksmap/sessions"
)

// Messages the screens of this package send the root, beside those of
// package component: what needs the root's storage.
type (
	// openReportMsg: continue the conversation in a report.
	openReportMsg struct {
		path     string
		readOnly bool
	}
	// reflectMsg: a yearly reflection on last year's report at path, with
	// set (nil: the set the report names).
	reflectMsg struct {
		path string
		set  *content.Set
	}
	// newSetupMsg: the setup of a new conversation with set (nil: the set
	// loaded now).
	newSetupMsg struct{ set *content.Set }
	// beginMsg: begin the conversation the setup describes.
	beginMsg struct{ start sessions.Start }
	// showReportMsg: the report as it reads now.
	showReportMsg struct{}
	// convenantMsg: write a convenant draft beside the report.
	convenantMsg struct{}
	// editParkedMsg: change the words of remark i on the parking lot.
	editParkedMsg struct{ i int }
	// planMsg: plan the minutes of section sec.
	planMsg struct{ sec int }
	// printMsg: ask which printable report to write beside the report.
	printMsg struct{}
)
