extension MinutesVocabulary {
    /// Norwegian Nynorsk: Bokmål's labels plus the Nynorsk forms, and its own common words.
    public static let norwegianNynorsk: MinutesVocabulary = {
        var vocabulary = MinutesVocabulary.norwegianBokmal
        vocabulary.language = "nn"
        vocabulary.commonWords = [
            "og", "det", "er", "som", "på", "til", "for", "med", "av", "ikkje", "har", "ein", "eit", "vart", "frå",
            "om", "vil", "skal", "at", "dei", "kva", "korleis", "òg", "berre", "mellom", "etter", "vore", "me", "eg",
        ]
        vocabulary.presentLabels += ["til stades", "møtande medlemer", "deltakarar"]
        vocabulary.absentLabels += ["ikkje møtt", "fråvær"]
        vocabulary.secretaryLabels += ["skrivar", "protokollførar"]
        vocabulary.guestLabels += ["frå administrasjonen", "andre til stades"]
        vocabulary.abbreviationLabels += ["forkortingar"]
        vocabulary.closingPhrases += ["møtet vart heva", "møtet slutt"]
        return vocabulary
    }()
}
