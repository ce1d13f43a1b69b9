// The report opens the saved map as the map page does: checked, and laid out on the server.
export { load } from '../+page.server';
