// Package locale works around a start-up message from Fyne: with the
// common LANG=C.UTF-8 (Debian's default in containers and CI), Fyne's
// lang package logs "Error parsing user locale C" while it initialises.
// C means "no particular language", so this package, which must be
// initialised before Fyne's, says so in a form Fyne understands: English.
//
// Go initialises packages in import-path order among those whose imports
// are ready; this package imports only os, so it runs before fyne.io/…
// packages' init functions. TestNoLocaleNoise in the main package guards
// that.
package locale

import "os"

func init() {
	if os.Getenv("LC_ALL") != "" || os.Getenv("LC_MESSAGES") != "" || os.Getenv("LANGUAGE") != "" {
		return
	}
	switch os.Getenv("LANG") {
	case "", "C", "POSIX", "C.UTF-8", "C.utf8":
		os.Setenv("LANGUAGE", "en")
	}
}
