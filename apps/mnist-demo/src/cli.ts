console.log('mnist-demo: not yet');
