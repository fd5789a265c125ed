/**
 * The production manifest, made from manifest.xml by the production build (webpack.config.js):
 * every https://localhost:3000/ becomes the hosting address, and the add-in gets its own id, so
 * that a clerk's installed add-in and a developer's side-loaded one are two add-ins, never one
 * overwriting the other. Without a hosting address there is no production manifest at all: one
 * pointing at localhost would install and then show a blank pane on every clerk's machine.
 */
const DEV_URL = 'https://localhost:3000/';
const DEV_ID = '3bb74a6d-a269-46a6-8df1-a4e45358201f';
const PRODUCTION_ID = '9c1e5f0a-4d7b-4c8e-a3f2-6b0d8e2c7a15';

/** ADDIN_URL → the prefix to use, or the reason it cannot be used (Chinese first). */
function checkAddinUrl(raw) {
  if (!raw) {
    return { error: '未设置 ADDIN_URL（加载项的网址），未生成 manifest.xml（ADDIN_URL is not set: no manifest.xml）' };
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    return { error: `ADDIN_URL 不是网址：${raw}（ADDIN_URL is not a URL）` };
  }
  if (url.protocol !== 'https:') return { error: `ADDIN_URL 必须以 https:// 开头：${raw}（Office requires https）` };
  if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
    return { error: `ADDIN_URL 不能是本机地址：${raw}（a production manifest cannot point at localhost）` };
  }
  const href = url.href.split(/[?#]/)[0];
  return { url: href.endsWith('/') ? href : `${href}/` };
}

function productionManifest(xml, addinUrl) {
  if (!xml.includes(`<Id>${DEV_ID}</Id>`)) throw new Error('manifest.xml: the dev add-in id is not where expected');
  return xml.replaceAll(DEV_URL, addinUrl).replace(`<Id>${DEV_ID}</Id>`, `<Id>${PRODUCTION_ID}</Id>`);
}

module.exports = { DEV_URL, DEV_ID, PRODUCTION_ID, checkAddinUrl, productionManifest };
