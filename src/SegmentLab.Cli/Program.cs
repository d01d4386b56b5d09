return SegmentLab.Cli.CliApp.Run(args);
