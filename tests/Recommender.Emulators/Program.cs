using Recommender.Emulators;

return await EmulatorCommand.RunAsync(args);
