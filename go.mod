module reportmap

go 1.26

require (
	github.com/paulmach/orb v0.14.0
	github.com/tidwall/gjson v1.20.2
	github.com/valyala/fastjson v1.6.10
)

require (
	github.com/tidwall/match v1.1.1 // indirect
	github.com/tidwall/pretty v1.3.0 // indirect
	go.mongodb.org/mongo-driver/v2 v2.5.0 // indirect
)
