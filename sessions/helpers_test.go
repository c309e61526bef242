package sessions

import (
	"gespreksmap/content"
	"gespreksmap/content/contenttest"
)

func testSet() *content.Set { return contenttest.Set() }

var nastyTexts = contenttest.NastyTexts
