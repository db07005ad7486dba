import Redact
import TextPipeCommandLine
import WordStats

// Every textpipe subcommand, with two more stages registered beside the built-in ones.
TextPipeCommandLine.main(stages: [WordStatsStage.self, RedactStage.self])
