Console.WriteLine("sample catalog generator: not written yet");
