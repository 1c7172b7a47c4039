import type { CatalogShape } from '../shape';
import type { print as zh } from '../zh-CN/print';

export const print: CatalogShape<typeof zh> = {
  common: {
    none: '—',
    labelled: '{{label}}: {{value}}',
    hotline: 'Service hotline',
    complaintLine: 'Complaint line',
    address: 'Address',
    issuedOn: 'Issued',
    page: 'Page {{page}} of {{pages}}',
    date: 'Date',
  },
  warrantyCard: {
    title: 'Warranty Card',
    number: 'Card no.',
    customer: {
      heading: 'Customer',
      name: 'Name',
      phone: 'Phone',
      address: 'Address',
    },
    unit: {
      heading: 'Unit',
      brand: 'Brand',
      model: 'Model',
      serial: 'Serial no.',
      purchaseDate: 'Purchased',
      acceptanceDate: 'Accepted',
    },
    warranty: {
      heading: 'Warranty',
      basis: 'Starts from',
      start: 'Start date',
      term: 'Term',
      end: 'Last covered day',
      endNote: '(inclusive)',
      startNotCounted: 'The start day itself is not counted in the term.',
    },
    qrCaption: 'Serial number QR code',
    claim: {
      heading: 'How to claim',
      call: 'Call the service hotline {{hotline}} and give the serial number and the card number ({{number}}).',
      keep: 'Keep this card and show it when you claim.',
      check: "The technician checks the unit's serial number against this card.",
    },
    notCovered: {
      heading: 'Not covered by the warranty',
      misuse: 'Misuse or wrong installation',
      unauthorised: 'Unauthorised repair or modification',
      forceMajeure: 'Force majeure (earthquake, fire, lightning)',
      damage: 'Physical damage or wrong voltage',
      software: 'Non-standard software or a virus',
      serial: 'Serial number not matching, or an altered card',
      clearance: 'Clearance-sale goods',
      expired: 'Expired warranty',
    },
    issuer: 'Issued by (company seal)',
  },
};
