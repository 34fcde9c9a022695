package headless

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme returns Fyne's default theme fixed to one variant, light or dark,
// whatever the machine's setting: for -png and golden images, which must
// not change with the desktop they run on.
func Theme(variant fyne.ThemeVariant) fyne.Theme {
	return fixedTheme{theme.DefaultTheme(), variant}
}

type fixedTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t fixedTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}
