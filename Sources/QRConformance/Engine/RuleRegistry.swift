/// The one ordered list of rule implementations in this build; the linter holds specs to it.
public enum RuleRegistry {
    public static let all: [any ConformanceRule] =
        [
            PrintableASCIIRule(), FieldCountRule(), IDNumberRule(), FullValuesRule(), NameRule(), BirthDateRule(),
            IdentificationTypeRule(), QIDRule(), GenderRule(), InsuranceNumberRule(), PhoneRule(), OnBehalfRule(),
            SymbolCountRule(), ECLevelMinimumRule(), ECLevelRecommendedRule(), VersionMaximumRule(),
            VersionNeededRule(),
            FormatCopiesRule(), SegmentModesRule(), UnusedErrorCorrectionRule(), ErrorFreeDecodeRule(),
            ModulePitchRule(),
            SquareModulesRule(), IntegerScaleRule(), QuietZoneRule(), PolarityRule(), ContrastMinimumRule(),
            ContrastRecommendedRule(), PhysicalWidthRule(), DecodersAgreeRule(), CheckpointScanRule(),
            SignaturePresentRule(), SignatureFormatRule(), SignatureKeyKnownRule(), SignatureKeyValidRule(),
            SignatureVerifiesRule(), SignatureLastFieldRule(),
            FullIDHiddenRule(), MaskedIDShownRule(), FullBirthDateHiddenRule(), MaskedBirthDateShownRule(),
            FullIDShownRule(), FullBirthDateShownRule(), NameShownRule(),
        ] + SubmissionEvaluator.rules.map { $0 as any ConformanceRule }

    /// The ids of every implemented rule, in registry order.
    public static var ids: [String] { all.map(\.id) }
}
