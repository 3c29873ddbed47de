/** Entry of the classroom page: find the data casus handed over and start. */
import { PAGE_DATA_GLOBAL, type PageData } from '../report/page-data.js';
import { startPage } from './app.js';
import './page.css';

const root = document.getElementById('app');
const data = (window as unknown as Record<string, PageData | undefined>)[PAGE_DATA_GLOBAL];
if (root) {
  if (!data?.scenarios?.length) {
    root.textContent = 'No cases to show: data.js is missing. Start the page with "npx casus serve", or write it with "npx casus export --out site/".';
  } else {
    startPage(root, data);
  }
}
