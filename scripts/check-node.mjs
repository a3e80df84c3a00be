// Runs before every npm script: Ringback runs on Node 24, which `npm install` puts in node_modules/.bin (the `node`
// package, allowed to install in package.json's allowScripts), and npm puts that folder first on every script's
// PATH. If this runs on another Node, that did not happen: stop at once with one line saying what is needed.
// Plain JavaScript for any Node: it must run on the machine's own Node to say so.
const REQUIRED_MAJOR = 24;
const major = Number(process.versions.node.split(".")[0]);
if (major !== REQUIRED_MAJOR) {
  console.error(
    `Ringback needs Node ${REQUIRED_MAJOR}, but this script runs on Node ${process.versions.node}: run \`npm install\` ` +
      `with install scripts allowed (the \`node\` package puts Node ${REQUIRED_MAJOR} in node_modules/.bin), ` +
      `or install Node ${REQUIRED_MAJOR} yourself.`,
  );
  process.exit(1);
}
