package tiles

// DecodeTile is decodeTile, for tests.
var DecodeTile = decodeTile
