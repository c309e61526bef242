package common

import (
	"time"

	"gespreksmap/content"
)

// Common is shared by every screen, by pointer: the set, styles, keys, the
// window size and the render cache.
type Common struct {
	Set    *content.Set
	St     Styles
	Keys   KeyMap
	Width  int
	Height int
	MD     *MDCache
	Dark   bool
	Now    func() time.Time
}
