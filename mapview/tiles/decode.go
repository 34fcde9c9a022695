package tiles

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io"

	"golang.org/x/image/webp"
)

// decodeTile decodes an encoded tile (PNG, JPEG or WebP, told apart by
// their first bytes) into an *image.RGBA of the decoded size, usually
// 256×256. It reads the image's header first and refuses, without
// decoding, an image wider or taller than maxSide pixels
// ([ErrTileTooLarge]), so that memory stays bounded whatever the data
// claims; data that is no such image, or does not decode, is
// [ErrNotImage]. It is safe to call from any goroutine.
func decodeTile(data []byte, maxSide int) (*image.RGBA, error) {
	var (
		config func(io.Reader) (image.Config, error)
		decode func(io.Reader) (image.Image, error)
	)
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		config, decode = png.DecodeConfig, png.Decode
	case bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}):
		config, decode = jpeg.DecodeConfig, jpeg.Decode
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		config, decode = webp.DecodeConfig, webp.Decode
	default:
		return nil, ErrNotImage
	}
	cfg, err := config(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotImage, err)
	}
	if cfg.Width > maxSide || cfg.Height > maxSide {
		return nil, fmt.Errorf("%w: %d×%d pixels, over %d×%d", ErrTileTooLarge, cfg.Width, cfg.Height, maxSide, maxSide)
	}
	img, err := decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotImage, err)
	}
	return toRGBA(img), nil
}

// toRGBA returns img as an *image.RGBA with the same bounds, converting
// (premultiplying alpha) when it is another type.
func toRGBA(img image.Image) *image.RGBA {
	if m, ok := img.(*image.RGBA); ok {
		return m
	}
	b := img.Bounds()
	dst := image.NewRGBA(b)
	if p, ok := img.(*image.Paletted); ok {
		// image/draw has no fast path for a paletted source, the usual
		// kind of PNG tile: look each pixel up in a premultiplied palette.
		var pal [256][4]uint8
		for i, c := range p.Palette {
			if i >= len(pal) {
				break
			}
			r, g, bl, a := c.RGBA()
			pal[i] = [4]uint8{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), uint8(a >> 8)}
		}
		w := b.Dx()
		for y := 0; y < b.Dy(); y++ {
			src := p.Pix[y*p.Stride : y*p.Stride+w]
			row := dst.Pix[y*dst.Stride : y*dst.Stride+4*w]
			for x, i := range src {
				copy(row[4*x:4*x+4], pal[i][:]) // indices past the palette: transparent black
			}
		}
		return dst
	}
	draw.Draw(dst, b, img, b.Min, draw.Src)
	return dst
}
