package convenant

import (
	"gespreksmap/content"
	"gespreksmap/sessions"
)

// realisticSession is an Oplossingenlab on the default set as it happens:
// eight people from six organisations, among them a school and the parents'
// section of a participation council, agreements reached on some topics,
// others still open, perspectives of single organisations and action items.
func realisticSession() *sessions.Session {
	set := content.Default()
	s := sessions.New(set.ID, set.Version)
	s.Title = "Oplossingenlab ZiO najaar 2026"
	s.Region = "Hart van Brabant"
	s.Date = "2026-11-22"
	s.Facilitator = "Anna de Vries"
	s.Participants = []sessions.Participant{
		{Name: "Jan Jansen", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente", Function: "wethouder", Signs: true},
		{Name: "Fatima El Amrani", Organisation: "Gemeente Tilburg", PartnerKind: "gemeente", Function: "beleidsadviseur"},
		{Name: "Anna de Vries", Organisation: "SWV De Meierij", PartnerKind: "swv", Function: "directeur-bestuurder", Signs: true},
		{Name: "Els Verhoeven", Organisation: "Basisschool De Linde", PartnerKind: "scholen", Function: "directeur", Signs: true},
		{Name: "Petra Smit", Organisation: "MR De Regenboog (oudergeleding)", PartnerKind: "oudervertegenwoordiging", Signs: true},
		{Name: "Karel de Boer", Organisation: "Zorggroep Elde", PartnerKind: "zorgaanbieders", Function: "bestuurder", Signs: true},
		{Name: "Mila Bakker", Organisation: "Zorggroep Elde", PartnerKind: "zorgaanbieders", Function: "directeur zorg", Signs: true},
		{Name: "Sander Kok", Organisation: "Zorgkantoor Midden-Brabant", PartnerKind: "zorgkantoor"},
	}
	a := s.Answer("bestuur.agenda")
	a.Status = sessions.StatusPartial
	a.Text = "Het staat twee keer per jaar op de agenda van het OOGO; bij het overleg met de zorgaanbieders nog niet."

	a = s.Answer("bestuur.partners")
	a.Status = sessions.StatusDone
	a.Partners = map[string]sessions.PartnerState{
		"scholen": sessions.PartnerTogether, "oudervertegenwoordiging": sessions.PartnerTogether, "zorgaanbieders": sessions.PartnerTogether,
		"swv": sessions.PartnerTogether, "gemeente": sessions.PartnerTogether, "zorgkantoor": sessions.PartnerNotYet,
	}
	a.OtherPartners = []sessions.OtherPartner{{Name: "Revalidatiecentrum De Kei", State: sessions.PartnerTogether}}
	a.Text = "Het zorgkantoor sluit in 2027 aan."

	a = s.Answer("bestuur.uitwerking")
	*a.Part("visie") = sessions.Part{Status: sessions.StatusDone, Text: "Elk kind krijgt onderwijs én de zorg die het nodig heeft, op de eigen school, zo dicht mogelijk bij huis.\nOuders zijn daarbij vanaf het begin partner."}
	*a.Part("vastgelegd") = sessions.Part{Status: sessions.StatusDone, Text: "De visie staat in het ondersteuningsplan 2026-2030 en is door alle besturen vastgesteld."}
	*a.Part("toezicht") = sessions.Part{Status: sessions.StatusPartial, Text: "De stuurgroep ZiO, maar wie die voorzit is nog open."}
	*a.Part("inspectie") = sessions.Part{Status: sessions.StatusNA, Text: "Speelt bij ons niet."}

	a = s.Answer("kinderen.aantallen")
	a.Status = sessions.StatusDone
	a.Counts = map[string]int{"tlv": 12, "wlz": 5}
	a.Text = "Vooral vragen over begeleiding bij de overstap naar het voortgezet onderwijs."

	a = s.Answer("organiseren.afspraken")
	*a.Part("gebruikelijke-zorg") = sessions.Part{Status: sessions.StatusDone, Text: "Gebruikelijke zorg is wat een leerkracht voor elk kind doet: helpen met de jas, naar de wc begeleiden.\nAlles daarboven (zoals sondevoeding of 1-op-1 begeleiding) is zorg in onderwijstijd."}
	*a.Part("beoordeling") = sessions.Part{Status: sessions.StatusNotYet}
	*a.Part("verschil-van-mening") = sessions.Part{Status: sessions.StatusDone, Text: "Eerst praten de betrokken professionals met de ouders. Komen zij er niet uit, dan beslist de stuurgroep binnen vier weken."}
	*a.Part("wlz-aanvraag") = sessions.Part{Status: sessions.StatusDone, Text: "Ja: de zorg in de klas wordt meegenomen in de Wlz-aanvraag."}
	a.Perspectives = []sessions.Perspective{
		{Organisation: "MR De Regenboog (oudergeleding)", Text: "Bij een verschil van mening willen ouders eerst een onafhankelijke second opinion, voordat de stuurgroep beslist."},
		{Organisation: "Zorggroep Elde", Text: "Wij willen bij elke beoordeling een eigen verpleegkundige betrekken."},
	}

	a = s.Answer("ouders.samen-bepalen")
	a.Status = sessions.StatusPartial
	a.Text = "Per kind één vast aanspreekpunt voor ouders; wie dat is, verschilt nu per school."

	a = s.Answer("financiering.verbeteren")
	a.Status = sessions.StatusPartial
	a.Text = "Eén budget voor de hele school in plaats van een beschikking per kind."
	a.Perspectives = []sessions.Perspective{{Organisation: "Gemeente Tilburg", Text: "Eén budget kan pas als de inkoop van jeugdhulp daarop is aangepast."}}

	a = s.Answer("financiering.collectief")
	a.Status = sessions.StatusDone
	a.Choice = "ja"
	a.Text = "Sinds augustus 2026 een pilot op twee scholen, met één contract voor alle zorg in de klas."

	s.Answer("financiering.vervoer").Status = sessions.StatusNotYet

	a = s.Answer("reflectie.centraal")
	a.Status = sessions.StatusDone
	a.Text = "Elk voorjaar een evaluatiebijeenkomst met ouders, scholen en zorgaanbieders."

	s.Actions = []sessions.ActionItem{
		{What: "Conceptconvenant laten toetsen door juristen", Who: "Gemeente Tilburg", When: "2027-01-15", QuestionID: "organiseren.afspraken"},
		{What: "Voorzitter stuurgroep voorstellen", Who: "SWV De Meierij", When: "voor de zomer", QuestionID: "bestuur.uitwerking", Part: "toezicht"},
		{What: "Visie vaststellen", Who: "SWV De Meierij", When: "2026-10-01", Done: true},
	}
	return s
}
