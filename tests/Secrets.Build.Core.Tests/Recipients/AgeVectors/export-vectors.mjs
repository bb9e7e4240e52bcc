// Writes every vector the cctv-age package exports to its own file, named as in the C2SP
// repository's age/testdata folder, so the .NET tests read plain files: node <this> <folder>.
import * as vectors from "cctv-age";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const folder = process.argv[2];
mkdirSync(folder, { recursive: true });
let count = 0;
for (const [name, bytes] of Object.entries(vectors)) {
  writeFileSync(join(folder, name), bytes);
  count++;
}
console.log(`${count} age test vectors written to ${folder}`);
