import TextPipeCommandLine

TextPipeCommandLine.main()
