/** The TOML parser (`dist/toml.js`), downloaded only by pages whose config is TOML. */
export { parse } from "smol-toml";
