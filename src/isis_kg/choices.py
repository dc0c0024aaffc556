"""The names a command offers as choices: the recognisers, relation classifiers, parsers and answer formats.

They live apart from the modules that implement them (which load spaCy, CRFsuite, wordfreq or
rdflib) so that the command line can list them, and ``isis-kg --help`` answer, without loading any.
"""

RECOGNIZER_NAME = "crf"  # the learned recogniser shipped in the package
# the shipped model, Frog's recogniser (Debian's frog), or the gazetteer and the cues alone
RECOGNIZERS = (RECOGNIZER_NAME, "frog", "none")
DEFAULT_RECOGNIZER = RECOGNIZER_NAME
# the learned relation classifier shipped in the package (beside the patterns), or the patterns alone
RELATION_CLASSIFIERS = ("learned", "none")
RELATIONS_NONE = "none"
PARSERS = ("frog",)  # dependency parsers a build may also read relations from
FORMATS = ("table", "csv", "tsv", "json")  # how isis-kg query prints an answer
