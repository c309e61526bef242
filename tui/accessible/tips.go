package accessible

import "gespreksmap/content"

// setIntro tells what the conversation is for: the set's own introduction.
func (r *runner) setIntro() {
	r.say("")
	r.say(r.set.Title)
	if r.set.Intro == "" {
		r.say("Deze vragenset heeft geen inleiding.")
		return
	}
	r.say(oneLine(r.set.Intro))
}

// sectionTips gives what the full screen's tips window shows of a
// section: its central question or purpose, its introduction, the advice, and the
// tips with their links, each link whole on a line of its own.
func (r *runner) sectionTips(sec *content.Section) {
	r.say("")
	r.say("Tips en advies: " + sec.Title)
	if sec.Central != "" {
		r.say(oneLine(sec.CentralLine()))
	}
	if sec.Intro != "" {
		r.say(oneLine(sec.Intro))
	}
	if len(sec.Advice) > 0 {
		r.say("Advies:")
		for _, a := range sec.Advice {
			r.say("- " + oneLine(a))
		}
	}
	if len(sec.Tips) > 0 {
		r.say("Tips:")
		for _, t := range sec.Tips {
			text := oneLine(t.Title)
			if t.Note != "" {
				text = oneLine(t.Note) + " " + text
			}
			r.say("- " + text)
			r.say("  " + t.URL)
		}
	}
	if sec.Central == "" && sec.Intro == "" && len(sec.Advice) == 0 && len(sec.Tips) == 0 {
		r.say("Bij dit onderdeel staan geen tips of advies.")
	}
}
