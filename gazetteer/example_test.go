package gazetteer_test

import (
	"fmt"

	"reportmap/gazetteer"
)

func Example() {
	g, err := gazetteer.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range g.Lookup("Kursk region") {
		fmt.Println(e.ID, e.Name, e.Country)
	}
	for _, e := range g.Lookup("Kiev") {
		if e.Kind == gazetteer.KindCity {
			fmt.Println(e.Name, e.Feature, e.Population > 2e6)
			break
		}
	}
	cc, _ := g.Demonym("Ukrainians")
	fmt.Println(cc)
	fmt.Println(g.Lookup("the Channel")[0].ID)
	// Output:
	// ne:RU-KRS Kursk Oblast RU
	// Kyiv PPLC true
	// UA
	// curated:english-channel
}

func ExampleFold() {
	fmt.Println(gazetteer.Fold("St. Petersburg"), "|", gazetteer.Fold("Kramators'k"))
	// Output: saint petersburg | kramatorsk
}
