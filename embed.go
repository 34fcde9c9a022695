package main

import "embed"

// embedded holds the default places file and the reports it quotes, so the
// app works with no files beside it and no network.
//
//go:embed places.geojson reports/*.txt
var embedded embed.FS

// embeddedName is the name of the embedded places file inside embedded.
const embeddedName = "places.geojson"
