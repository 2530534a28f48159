extension MinutesVocabulary {
    /// Norwegian Bokmål.
    public static let norwegianBokmal = MinutesVocabulary(
        language: "nb",
        commonWords: [
            "og", "det", "er", "som", "på", "til", "for", "med", "av", "ikke", "har", "en", "et", "ble", "fra", "om",
            "vil", "skal", "at", "den", "de", "i", "seg", "også", "hvordan", "mellom", "etter",
        ],
        titleWords: ["referat", "møtereferat", "protokoll", "møteprotokoll", "møtebok", "sakliste"],
        itemPrefixes: ["saksnr.", "saksnr", "sak nr.", "sak nr", "sak", "ps", "bu-sak", "punkt", "nr."],
        agendaLabels: ["saksliste", "sakliste", "dagsorden", "sakskart", "til behandling", "behandlede saker"],
        presentLabels: [
            "til stede", "tilstede", "møtende medlemmer", "møtende", "møtte", "deltakere", "deltagere", "fremmøtte",
            "medlemmer til stede", "tilstedeværende",
        ],
        absentLabels: ["forfall", "fravær", "meldt forfall", "ikke møtt", "ikke til stede", "fraværende"],
        secretaryLabels: ["referent", "sekretær", "protokollfører", "referat skrevet av"],
        chairLabels: ["møteleder", "leder", "ordstyrer"],
        guestLabels: [
            "fra administrasjonen", "andre til stede", "gjester", "gjest", "observatør", "observatører",
            "i tillegg møtte", "inviterte", "også til stede", "møtende fra administrasjonen",
        ],
        dateLabels: ["dato", "møtedato", "tid og sted", "tid"],
        timeLabels: ["tidspunkt", "klokkeslett", "kl.", "tid", "møtetid"],
        locationLabels: ["sted", "møtested", "møterom", "lokale"],
        organizationLabels: ["virksomhet", "organ", "utvalg", "råd", "organisasjon", "styre"],
        decisionLabels: [
            "enstemmig vedtatt", "vedtak", "vedtatt", "konklusjon", "beslutning", "styrets vedtak", "rådets vedtak",
            "utvalgets vedtak", "innstilling",
        ],
        attachmentLabels: ["vedlegg", "bilag", "vedlagt"],
        abbreviationLabels: ["forkortelser", "forkortinger", "forklaring av forkortelser"],
        closingPhrases: [
            "møtet hevet", "møtet ble hevet", "møtet avsluttet", "møtet ble avsluttet", "møteslutt",
            "protokollen er godkjent", "protokollen godkjent", "referatet er godkjent elektronisk",
        ],
        roleWords: [
            "ordfører", "leder", "medlem", "sekretær", "rådmann", "direktør", "sjef", "koordinator", "rådgiver",
            "mester", "konsulent", "saksbehandler", "representant", "referent", "rektor", "kontakt", "overlege",
            "konstituert", "fungerende", "nestleder", "varamedlem", "observatør", "ansatt", "sekretariat",
        ],
        roleEndings: [
            "sjef", "leder", "direktør", "koordinator", "rådgiver", "mester", "konsulent", "medlem", "sekretær",
            "ordfører", "kontakt", "overlege", "ansatt", "behandler", "representant",
        ],
        tableHeaderWords: ["navn", "rolle", "funksjon", "stilling", "tittel", "parti", "representerer", "verv"],
        months: [
            "januar": 1, "jan": 1, "februar": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4, "mai": 5,
            "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
            "oktober": 10, "okt": 10, "november": 11, "nov": 11, "desember": 12, "des": 12,
        ],
        pageWords: ["side"],
        pageOfWords: ["av"]
    )
}
