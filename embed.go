package main

import "embed"

// embedded holds the default places file and the reports it quotes, so the
// app works with no files beside it and no network.
//
//go:embed places.geojson reports/*.txt
var embedded embed.FS

// icon is the app's icon (made by tools/icon), shown by the window.
//
//go:embed Icon.png
var icon []byte

// embeddedName is the name of the embedded places file inside embedded.
const embeddedName = "places.geojson"
