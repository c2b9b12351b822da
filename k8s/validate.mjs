// Validates the objects of a rendered manifest: each against its Kubernetes schema (kubernetes-models), and the
// workloads against this deployment's rules. Prints one line per object; exits 1 when any is invalid.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const problems = [];
let objects = 0;

function rules(obj) {
  const found = [];
  if (obj.kind === "Secret") found.push("a Secret in the manifests: reference Secrets the operator creates");
  const pod = obj.kind === "Deployment" || obj.kind === "Job" ? obj.spec?.template?.spec : null;
  if (!pod) return found;
  if (pod.securityContext?.runAsNonRoot !== true) found.push("pod without runAsNonRoot: true");
  if (pod.automountServiceAccountToken !== false) found.push("pod mounts a service account token");
  for (const c of pod.containers ?? []) {
    const where = `container ${c.name}`;
    const sc = c.securityContext ?? {};
    if (sc.readOnlyRootFilesystem !== true) found.push(`${where}: root filesystem not read-only`);
    if (sc.allowPrivilegeEscalation !== false) found.push(`${where}: privilege escalation allowed`);
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) found.push(`${where}: capabilities not all dropped`);
    if (!c.resources?.requests || !c.resources?.limits) found.push(`${where}: no requests and limits`);
    if (!(c.volumeMounts ?? []).some((m) => m.mountPath === "/tmp")) found.push(`${where}: no writable /tmp`);
    for (const e of c.env ?? []) {
      if (/PASSWORD|SECRET/.test(e.name) && e.value !== undefined) found.push(`${where}: ${e.name} given in clear`);
    }
    if (obj.kind === "Deployment") {
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        if (!c[probe]?.httpGet?.path?.startsWith("/q/health/")) found.push(`${where}: no ${probe} on /q/health/*`);
      }
    }
  }
  if (obj.kind === "Deployment") {
    if ((obj.spec.replicas ?? 1) < 2) found.push("fewer than 2 replicas");
    if (obj.spec.strategy?.rollingUpdate?.maxUnavailable !== 0) found.push("rolling update may take a pod away");
    if ((pod.terminationGracePeriodSeconds ?? 30) <= 30) found.push("grace period not longer than SHUTDOWN_TIMEOUT");
  }
  return found;
}

for (const doc of parseAllDocuments(readFileSync(process.argv[2], "utf8"))) {
  const obj = doc.toJS();
  if (!obj) continue;
  objects++;
  const name = `${obj.kind ?? "?"} ${obj.metadata?.name ?? "?"}`;
  const found = [];
  try {
    const module = await import(`kubernetes-models/${obj.apiVersion}/${obj.kind}`);
    new module[obj.kind](obj).validate();
  } catch (e) {
    found.push(e.code === "ERR_MODULE_NOT_FOUND" ? `unknown kind ${obj.apiVersion}/${obj.kind}` : e.message);
  }
  found.push(...rules(obj));
  if (found.length) {
    problems.push(name);
    console.log(`INVALID ${name}: ${found.join("; ")}`);
  } else {
    console.log(`ok      ${name}`);
  }
}
if (objects === 0) {
  console.log("INVALID no objects");
  process.exit(1);
}
process.exit(problems.length ? 1 : 0);
