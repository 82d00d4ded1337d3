global using StarkSdk.TestKit;
