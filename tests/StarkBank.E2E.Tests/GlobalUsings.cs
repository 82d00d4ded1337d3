global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Threading.Tasks;
global using NUnit.Framework;
global using StarkBank.E2E.Tests.Infrastructure;
global using StarkCore;
