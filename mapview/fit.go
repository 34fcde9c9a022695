package mapview

// FinishAnimation ends a view animation under way (a fit, a pan to the
// chosen place) at its target at once: for scripts and headless
// renderings that need the view the animation leads to.
func (m *Map) FinishAnimation() {
	if m.anim == nil {
		return
	}
	target := m.animTarget
	m.stopAnimation()
	m.setView(target)
}
