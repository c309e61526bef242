package sessions

import "errors"

// ErrChangedOnDisk: the report on disk is no longer what this program last
// read or wrote; someone edited it. Saving would overwrite that. Storage
// returns it; front ends offer to save a copy or to reload.
var ErrChangedOnDisk = errors.New("het verslag is buiten dit programma gewijzigd; bewaar je werk als kopie of laad het verslag opnieuw")
