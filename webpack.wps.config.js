/**
 * `npm run build:wps`: the WPS 表格 add-in (WPS 加载项, type "et"), ready to deploy without network.
 *
 *   dist-wps/jsaddons/publish.xml              what WPS reads from its jsaddons folder (offline)
 *   dist-wps/jsaddons/dibao_<version>/         the add-in: ribbon.xml, index.html (ribbon
 *                                              callbacks), taskpane.html (the pane), images/
 *   dist-wps/server/jsplugins.xml              for a county server (online deployment): points at
 *                                              WPS_ADDIN_URL, where the add-in folder is served
 *
 * docs/WPS.md says where each goes. Nothing is fetched at build or run time.
 */
const { resolve, typescript } = require('./webpack.config.js').shared;
const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { version } = require('./package.json');

const NAME = 'dibao';
const FOLDER = `${NAME}_${version}`;
const OUT = path.resolve(__dirname, 'dist-wps');
const DEFAULT_SERVER = 'http://127.0.0.1/dibao/';

/** Local files only; file: because an offline add-in is loaded from the disk. */
const CSP = [
  `default-src 'self' file:`,
  `script-src 'self' file:`,
  `style-src 'self' file: 'unsafe-inline'`,
  `img-src 'self' file: data: blob:`,
  `font-src 'self' file: data:`,
  `connect-src 'none'`,
  `frame-src 'none'`,
  `object-src 'none'`,
  `base-uri 'self'`,
  `form-action 'none'`,
].join('; ');

const xmlAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function serverUrl() {
  const url = process.env.WPS_ADDIN_URL || DEFAULT_SERVER;
  return url.endsWith('/') ? url : `${url}/`;
}

/** publish.xml and jsplugins.xml beside the add-in folder, as Kingsoft's wpsjs toolkit writes them. */
class DeploymentFiles {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('DeploymentFiles', () => {
      fs.mkdirSync(path.join(OUT, 'server'), { recursive: true });
      fs.writeFileSync(
        path.join(OUT, 'jsaddons', 'publish.xml'),
        `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="${NAME}" type="et" url="${FOLDER}" version="${version}" enable="enable_dev" install="null" customDomain=""/>\n</jsplugins>\n`,
      );
      fs.writeFileSync(
        path.join(OUT, 'server', 'jsplugins.xml'),
        `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="${NAME}" type="et" url="${xmlAttr(serverUrl())}" version="${version}"/>\n</jsplugins>\n`,
      );
    });
  }
}

module.exports = (env, argv) => {
  const dev = argv.mode !== 'production';
  const page = (filename, chunk, title) =>
    new HtmlWebpackPlugin({
      filename,
      chunks: [chunk],
      template: './wps/page.html',
      templateParameters: { csp: CSP, title },
      scriptLoading: 'defer',
      publicPath: '',
    });
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: { ribbon: './src/wps/ribbon.ts', pane: './src/wps/pane.tsx' },
    output: {
      path: path.join(OUT, 'jsaddons', FOLDER),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    resolve,
    module: { rules: [typescript] },
    performance: { maxAssetSize: 1600 * 1024, maxEntrypointSize: 2600 * 1024 },
    plugins: [
      page('index.html', 'ribbon', '低保核查（WPS 加载项）'),
      page('taskpane.html', 'pane', '低保花名册核查'),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'wps/ribbon.xml', to: 'ribbon.xml' },
          { from: 'assets/*-32.png', to: 'images/[name][ext]' },
        ],
      }),
      new DeploymentFiles(),
    ],
  };
};
