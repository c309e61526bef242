package compare

// The fixtures of the comparison, for the tests of the report with its
// comparison (report_test.go).
var (
	CompareSet = compareSet
	LastYear   = lastYear
	ThisYear   = thisYear
	ThreeYears = threeYears
)
