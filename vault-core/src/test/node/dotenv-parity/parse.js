// Prints, as one JSON object, dotenv.parse() of each file named on the command line:
// { "<file>": { "KEY": "value", ... }, ... }. Read by DotenvNodeParityTest.
const fs = require('fs');
const dotenv = require('dotenv');
const out = {};
for (const file of process.argv.slice(2)) {
  out[file] = dotenv.parse(fs.readFileSync(file));
}
process.stdout.write(JSON.stringify(out));
