// Package tui is the interactive interface: the start screen, the setup of a
// new conversation, the overview of sections, the question screen and the
// panels beside it. It reads question sets from package content and keeps the
// conversation in package sessions; neither of those knows about this one.
package tui

import "gespreksmap/tui/common"

// Theme names accepted by --theme.
const (
	ThemeAuto     = common.ThemeAuto
	ThemeDark     = common.ThemeDark
	ThemeLight    = common.ThemeLight
	ThemeContrast = common.ThemeContrast
)

// ResolveDark decides once whether the background is dark.
func ResolveDark(theme string) bool { return common.ResolveDark(theme) }
