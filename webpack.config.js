/**
 * Build of the add-in and the standalone page.
 *
 *   dist/taskpane.html   the task pane (office.js from Microsoft's CDN; local copy as fallback)
 *   dist/index.html      the standalone web page: same bundle, no office.js at all
 *   dist/commands.html   the ribbon's function file
 *   dist/message.html    the ribbon's answer, shown in a small dialog
 *   dist/office/         office.js and its host table from @microsoft/office-js (fallback only)
 *   dist/help.html       the help page the manifest's SupportUrl points at
 *   dist/manifest.xml    dev: as written; production: only with ADDIN_URL (https, not localhost),
 *                        rewritten to it with the production add-in id (manifest.production.js)
 *   dist/assets/         icons
 *
 * `npm run build` (production) works offline: nothing is fetched at build time.
 */
const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const { checkAddinUrl, productionManifest } = require('./manifest.production');

const DEV_PORT = 3000;
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_DIR = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));

/**
 * Scripts only from this site and Microsoft's office.js CDN; no network for data (connect-src
 * 'self'), no frames (this also stops office.js's telemetry frame): rosters never leave the
 * machine. Styles inline because Fluent UI (Griffel) inserts its rules at run time.
 */
function contentSecurityPolicy(dev) {
  const connect = dev ? `'self' wss://localhost:${DEV_PORT} ws://localhost:${DEV_PORT}` : `'self'`;
  return [
    `default-src 'self'`,
    `script-src 'self' https://appsforoffice.microsoft.com`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src ${connect}`,
    `frame-src 'none'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'none'`,
  ].join('; ');
}

async function httpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    return { type: 'https', options: await devCerts.getHttpsServerOptions() };
  } catch (e) {
    console.warn(`office-addin-dev-certs unavailable (${e.message}); using webpack's self-signed certificate`);
    return 'https';
  }
}

// Compiled alike by this build and the WPS build (webpack.wps.config.js).
const resolve = {
  extensions: ['.tsx', '.ts', '.js'],
  // `import('./x.js')` in TypeScript means x.ts or x.tsx (dynamic imports need the extension).
  extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
  // exceljs's package.json "browser" field points at its prebuilt dist/exceljs.min.js.
  aliasFields: ['browser'],
  fallback: { fs: false, path: false, stream: false, crypto: false, os: false },
};

const typescript = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: {
      transpileOnly: true,
      // ES modules let webpack drop the unused parts of Fluent UI; the lead type-checks with tsc.
      compilerOptions: { module: 'es2022', moduleResolution: 'bundler', noEmit: false },
    },
  },
};

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const commandsEntry = './src/commands/commands.ts';
  const commandsTemplate = './src/commands/commands.html';
  // The ribbon commands are built by their own module; until it exists the pane builds alone.
  const hasCommands = fs.existsSync(path.join(__dirname, commandsEntry));
  const csp = contentSecurityPolicy(dev);
  // The page and the pane build without an address; the production manifest does not.
  const addin = dev ? undefined : checkAddinUrl(process.env.ADDIN_URL);
  if (addin?.error) console.warn(`\n*** ${addin.error}\n`);
  const writeManifest = dev || Boolean(addin?.url);

  // The pane loads office.js from Microsoft's CDN before the bundle, the supported way inside
  // Excel; the standalone page does not load it at all.
  const page = (filename, standalone) =>
    new HtmlWebpackPlugin({
      filename,
      chunks: ['taskpane'],
      template: './src/taskpane/taskpane.html',
      templateParameters: { csp, standalone, officeScript: standalone ? '' : `<script src="${OFFICE_CDN}"></script>` },
      scriptLoading: 'defer',
    });

  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      ...(hasCommands ? { commands: commandsEntry, message: './src/commands/message.ts' } : {}),
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve,
    module: { rules: [typescript] },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // Loaded only by the standalone page (the file host), never inside Excel.
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', priority: 20 },
          // The converter of .xls/.xlsb/.ods/.et: loaded only when the clerk opens such a file.
          sheetjs: {
            test: /[\\/]node_modules[\\/]@e965[\\/]xlsx[\\/]/,
            name: 'sheetjs',
            chunks: 'async',
            priority: 20,
          },
          // React and Fluent UI for the pane; the ribbon's function file needs neither.
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: 'vendor',
            chunks: (chunk) => chunk.name === 'taskpane',
            priority: 10,
          },
        },
      },
    },
    performance: {
      // exceljs alone is ~1 MB minified; the page loads from the local disk or intranet.
      maxAssetSize: 1600 * 1024,
      maxEntrypointSize: 2600 * 1024,
    },
    plugins: [
      page('taskpane.html', false),
      page('index.html', true),
      ...(hasCommands
        ? [
            new HtmlWebpackPlugin({ filename: 'commands.html', template: commandsTemplate, chunks: ['commands'] }),
            new HtmlWebpackPlugin({
              filename: 'message.html',
              template: './src/commands/message.html',
              chunks: ['message'],
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          // Only the icons: assets/ also holds the script that draws them.
          { from: 'assets', to: 'assets', noErrorOnMissing: true, globOptions: { ignore: ['**/*.ts'] } },
          ...(writeManifest
            ? [
                {
                  from: 'manifest.xml',
                  to: 'manifest.xml',
                  transform: (content) => (dev ? content : productionManifest(content.toString(), addin.url)),
                },
              ]
            : []),
          { from: 'src/help/help.html', to: 'help.html' },
          // Microsoft's files as published (already minified): not run through Terser again.
          { from: path.join(OFFICE_JS_DIR, 'office.js'), to: 'office/office.js', info: { minimized: true } },
          {
            from: path.join(OFFICE_JS_DIR, 'o15apptofilemappingtable.js'),
            to: 'office/o15apptofilemappingtable.js',
            info: { minimized: true },
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          port: DEV_PORT,
          server: await httpsOptions(),
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: { directory: path.join(__dirname, 'dist') },
          hot: false,
          client: { overlay: { warnings: false, errors: true } },
        }
      : undefined,
  };
};

module.exports.shared = { resolve, typescript };
