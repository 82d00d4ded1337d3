global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Threading.Tasks;
global using NUnit.Framework;
global using StarkSdk.E2E.Tests.Infrastructure;
global using StarkSdk.Core;
global using StarkSdk.Bank;
