package common

import (
	"strconv"
	"sync"

	"github.com/charmbracelet/lipgloss"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/styles"
	"github.com/muesli/termenv"
)

// MDCache renders markdown with glamour once per (name, width) and keeps the
// result. Rendering runs in a tea.Cmd, never inside View or Update: a page
// of a few kilobytes costs milliseconds.
type MDCache struct {
	style string
	mu    sync.Mutex
	done  map[string]string
	busy  map[string]bool
}

type RenderedMsg struct {
	Key string
	Out string
}

func NewMDCache(dark bool) *MDCache {
	style := styles.LightStyle
	if dark {
		style = styles.DarkStyle
	}
	if ColorProfile() == termenv.Ascii {
		// NO_COLOR or no terminal: glamour's plain style, no escape codes.
		style = styles.NoTTYStyle
	}
	return &MDCache{style: style, done: map[string]string{}, busy: map[string]bool{}}
}

func mdKey(name string, width int) string { return name + "@" + strconv.Itoa(width) }

// Get returns a rendered page when it is ready.
func (c *MDCache) Get(name string, width int) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	out, ok := c.done[mdKey(name, width)]
	return out, ok
}

// Forget drops every rendering of a page whose text changed.
func (c *MDCache) Forget(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.done {
		if len(k) > len(name) && k[:len(name)+1] == name+"@" {
			delete(c.done, k)
		}
	}
}

func (c *MDCache) Put(m RenderedMsg) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.done[m.Key] = m.Out
	delete(c.busy, m.Key)
}

// Request renders text for (name, width) in the background unless it is
// cached or already being rendered.
func (c *MDCache) Request(name, text string, width int) tea.Cmd {
	k := mdKey(name, width)
	c.mu.Lock()
	_, ok := c.done[k]
	if ok || c.busy[k] {
		c.mu.Unlock()
		return nil
	}
	c.busy[k] = true
	c.mu.Unlock()
	style := c.style
	return func() tea.Msg {
		return RenderedMsg{Key: k, Out: RenderMarkdown(text, width, style)}
	}
}

// RenderMarkdown renders synchronously; only ever called from a tea.Cmd or
// outside the interface.
func RenderMarkdown(text string, width int, style string) string {
	r, err := glamour.NewTermRenderer(
		glamour.WithStandardStyle(style),
		glamour.WithWordWrap(max(20, width-4)),
		glamour.WithColorProfile(ColorProfile()),
		// Lines typed one under the other stay lines, as in the report.
		glamour.WithPreservedNewLines(),
	)
	if err != nil {
		return text
	}
	out, err := r.Render(text)
	if err != nil {
		return text
	}
	return out
}

// ColorProfile is the profile for glamour, so NO_COLOR holds there too.
func ColorProfile() termenv.Profile { return lipgloss.ColorProfile() }
