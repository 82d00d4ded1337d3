// Placeholder until the emulator and quickstart land (see README).
System.Console.WriteLine("Stark SDK quickstart: not yet available. It will start the local emulator, create invoices, page them, pay one and verify the webhook.");
