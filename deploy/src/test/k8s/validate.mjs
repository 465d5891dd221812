// Validates every object in the Kubernetes manifests under the directories given against the
// Kubernetes OpenAPI schemas bundled in kubernetes-models (offline). Exit status 1 names each problem.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const modelsFor = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "policy/v1": "kubernetes-models/policy/v1",
};
const notKubernetesObjects = new Set(["Kustomization"]);

let checked = 0;
const problems = [];
for (const dir of process.argv.slice(2)) {
  for (const file of readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort()) {
    for (const doc of parseAllDocuments(readFileSync(join(dir, file), "utf8"))) {
      const where = `${join(dir, file)}`;
      if (doc.errors.length > 0) {
        problems.push(`${where}: ${doc.errors.map((e) => e.message).join("; ")}`);
        continue;
      }
      const object = doc.toJS();
      if (object === null || notKubernetesObjects.has(object.kind)) {
        continue;
      }
      const where1 = `${where} ${object.kind}/${object.metadata?.name}`;
      const module = modelsFor[object.apiVersion];
      const models = module && (await import(module));
      if (!models || typeof models[object.kind] !== "function") {
        problems.push(`${where1}: no schema for ${object.apiVersion} ${object.kind}`);
        continue;
      }
      try {
        new models[object.kind](object).validate();
        checked++;
      } catch (error) {
        problems.push(`${where1}: ${error.message}`);
      }
    }
  }
}
for (const problem of problems) {
  console.error(problem);
}
console.log(`${checked} objects valid, ${problems.length} problems`);
process.exit(problems.length === 0 && checked > 0 ? 0 : 1);
