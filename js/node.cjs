// The package's entry for Node's require(): the module is instantiated at
// load, so `init()` is only there to keep code the same as in browsers.
const glue = require('./zhlens.js');
const { wrap } = require('./core.cjs');

exports.Analyzer = wrap(glue, () => true);
exports.wasmMemoryBytes = () => glue.wasmMemoryBytes();
exports.init = async function init() {};
exports.initSync = function initSync() {};
exports.default = exports.init;
