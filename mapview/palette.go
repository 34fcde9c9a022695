package mapview

import "image/color"

// Palette holds the colours the map gives reports, in the order the places
// file lists them; the legend uses the same colours. They are Tableau 10,
// chosen to be told apart on light and dark backgrounds and by most
// colour-blind readers.
var Palette = []color.NRGBA{
	{0x4e, 0x79, 0xa7, 0xff}, // blue
	{0xf2, 0x8e, 0x2b, 0xff}, // orange
	{0xe1, 0x57, 0x59, 0xff}, // red
	{0x59, 0xa1, 0x4f, 0xff}, // green
	{0xb0, 0x7a, 0xa1, 0xff}, // purple
	{0x76, 0xb7, 0xb2, 0xff}, // teal
	{0xed, 0xc9, 0x48, 0xff}, // yellow
	{0xff, 0x9d, 0xa7, 0xff}, // pink
	{0x9c, 0x75, 0x5f, 0xff}, // brown
	{0xba, 0xb0, 0xac, 0xff}, // grey
}

// ReportColor returns the colour of the i-th report, cycling through
// Palette.
func ReportColor(i int) color.NRGBA {
	if i < 0 {
		return Palette[len(Palette)-1]
	}
	return Palette[i%len(Palette)]
}
