"""The error and warning raised for bad input, each naming the file and the problem."""


class CorpusError(Exception):
    """Input that makes the analysis impossible (missing folder, no usable article, bad metadata)."""


class CorpusWarning(UserWarning):
    """Input that is handled but worth a reader's attention (legacy encoding, skipped file)."""
